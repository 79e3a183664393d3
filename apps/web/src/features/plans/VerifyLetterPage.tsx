import type { LetterVerification } from '@desmigratif/contracts';
import { Alert, Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Logo } from '../../app/Logo';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/Skeletons';
import { ApiError, api } from '../../lib/api';
import { formatDate } from '../../lib/format';

/**
 * Where a letter's QR code leads, without login: "Surat asli" with the number, date, village and the holder's
 * initials — never a NIK or a full name — or "Tidak ditemukan".
 */
export function VerifyLetterPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('letters.verify.title')} · Desmigratif`);
  const { token } = useParams({ from: '/verifikasi/$token' });
  const letter = useQuery({
    queryKey: ['public', 'letters', token],
    queryFn: ({ signal }) => api.get<LetterVerification>(`/public/letters/${encodeURIComponent(token)}`, undefined, signal),
    retry: (count, error) => !(error instanceof ApiError && (error.status === 404 || error.status === 400)) && count < 2,
  });
  const notFound = letter.error instanceof ApiError && (letter.error.status === 404 || letter.error.status === 400);

  return (
    <Container size={480} py="xl">
      <Stack gap="lg">
        <Center>
          <Logo />
        </Center>
        <Title order={1} size="h3" ta="center">
          {t('letters.verify.title')}
        </Title>
        {letter.isPending && <ListSkeleton rows={3} />}
        {letter.isError && !notFound && <ErrorAlert error={letter.error} onRetry={() => void letter.refetch()} />}
        {notFound && (
          <Alert color="red" icon={<IconCircleX size={24} />} title={t('letters.verify.notFound')}>
            {t('letters.verify.notFoundHelp')}
          </Alert>
        )}
        {letter.data && (
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Alert color="green" icon={<IconCircleCheck size={24} />} title={t('letters.verify.genuine')}>
                {t('letters.verify.genuineHelp')}
              </Alert>
              <Text>
                <b>{t(`letters.kind.${letter.data.kind}`)}</b>
              </Text>
              <Text size="sm">{t('letters.verify.number', { number: letter.data.number })}</Text>
              <Text size="sm">{t('letters.verify.issuedAt', { date: formatDate(letter.data.issuedAt) })}</Text>
              <Text size="sm">{t('letters.verify.village', { village: letter.data.villageName })}</Text>
              <Text size="sm">{t('letters.verify.holder', { initials: letter.data.holderInitials })}</Text>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
