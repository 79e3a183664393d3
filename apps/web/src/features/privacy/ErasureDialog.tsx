import { type DataSubjectRequest, type ErasureCategory, erasureCategories } from '@desmigratif/contracts';
import { Alert, Badge, Button, Checkbox, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFailure } from '../../components/FormFailure';
import { ListSkeleton } from '../../components/Skeletons';
import { ApiError } from '../../lib/api';
import { usePhone } from '../../lib/usePhone';
import { useEraseForRequest, useErasurePreview } from './api';
import { erasureChoice } from './erasureChoice';

/**
 * Completing an erasure request: what the village holds that may be erased (data collected on
 * consent) and what it must keep by law, the officer's choice, a confirmation, then one erasure
 * on the server that also closes the request.
 */
export function ErasureDialog({ request, opened, onClose }: { request: DataSubjectRequest; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const preview = useErasurePreview(request.id, opened);
  const erase = useEraseForRequest(request.villageCode);
  const [chosen, setChosen] = useState<ErasureCategory[]>([]);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const counts = new Map(preview.data?.erasable.map((item) => [item.category, item.count]));
  const state = erasureChoice(chosen, note);
  const noteError = erase.error instanceof ApiError ? erase.error.fieldErrors.note : undefined;

  const close = () => {
    setConfirming(false);
    erase.reset();
    onClose();
  };
  const submit = async () => {
    await erase.mutateAsync({ id: request.id, categories: chosen, note: note.trim() || null, version: request.version });
    notifications.show({ color: 'green', message: t('privacy.erasure.done') });
    close();
  };
  const label = (category: ErasureCategory) => t(`privacy.erasure.category.${category}.label`);

  return (
    <Modal opened={opened} onClose={close} size="lg" fullScreen={phone} title={t('privacy.erasure.title', { name: request.personName })} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      {preview.isPending && <ListSkeleton rows={4} />}
      {preview.isError && <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && !confirming && (
        <Stack gap="md">
          <Text size="sm">{t('privacy.erasure.intro')}</Text>
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t('privacy.erasure.erasableTitle')}
            </Title>
            {erasureCategories.map((category) => {
              const count = counts.get(category) ?? 0;
              return (
                <Checkbox
                  key={category}
                  disabled={count === 0}
                  checked={chosen.includes(category)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setChosen((current) => (on ? [...current, category] : current.filter((c) => c !== category)));
                  }}
                  label={
                    <Group gap="xs" component="span">
                      <span>{label(category)}</span>
                      <Badge size="xs" variant="light" color={count === 0 ? 'gray' : 'blue'}>
                        {count === 0 ? t('privacy.erasure.none') : t('privacy.erasure.count', { count })}
                      </Badge>
                    </Group>
                  }
                  description={t(`privacy.erasure.category.${category}.help`)}
                />
              );
            })}
          </Stack>
          <Alert variant="light" color="gray" icon={<IconLock size={18} />} title={t('privacy.erasure.retainedTitle')}>
            <List size="sm" spacing={6}>
              {preview.data.retained.map((item) => (
                <List.Item key={item.category}>
                  <Text size="sm" fw={600} span>
                    {t(`privacy.erasure.retained.${item.category}.label`)}
                    {item.count !== null && ` (${t('privacy.erasure.count', { count: item.count })})`}
                  </Text>
                  <Text size="sm">{t(`privacy.erasure.retained.${item.category}.basis`)}</Text>
                </List.Item>
              ))}
            </List>
          </Alert>
          <Textarea
            label={t('privacy.erasure.note')}
            description={state.noteRequired ? t('privacy.erasure.noteRequired') : t('privacy.erasure.noteHelp')}
            required={state.noteRequired}
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('privacy.requests.cancel')}
            </Button>
            <Button disabled={!state.canContinue} onClick={() => setConfirming(true)}>
              {t('privacy.erasure.continue')}
            </Button>
          </Group>
        </Stack>
      )}
      {preview.data && confirming && (
        <Stack gap="md">
          <FormFailure failure={noteError ? null : erase.error} />
          <Alert color={chosen.length ? 'red' : 'blue'} icon={<IconAlertTriangle size={18} />} title={t('privacy.erasure.confirmTitle')}>
            {chosen.length ? (
              <Stack gap={4}>
                <Text size="sm">{t('privacy.erasure.willErase')}</Text>
                <List size="sm">
                  {erasureCategories
                    .filter((c) => chosen.includes(c))
                    .map((category) => (
                      <List.Item key={category}>
                        {label(category)} ({t('privacy.erasure.count', { count: counts.get(category) ?? 0 })})
                      </List.Item>
                    ))}
                </List>
                <Text size="sm" fw={600}>
                  {t('privacy.erasure.permanent')}
                </Text>
              </Stack>
            ) : (
              <Text size="sm">{t('privacy.erasure.nothingChosen')}</Text>
            )}
          </Alert>
          <Text size="sm">{t('privacy.erasure.identityStays')}</Text>
          {noteError && (
            <Text size="sm" c="red">
              {noteError}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('privacy.erasure.back')}
            </Button>
            <Button color={chosen.length ? 'red' : undefined} loading={erase.isPending} onClick={() => void submit().catch(() => undefined)}>
              {chosen.length ? t('privacy.erasure.erase') : t('privacy.erasure.closeWithoutErasing')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
