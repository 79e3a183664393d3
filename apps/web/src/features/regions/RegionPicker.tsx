import { formatRegionCode, type Region, type RegionLevel } from '@desmigratif/contracts';
import { CloseButton, Input, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parentCodeOf } from '../../lib/regions';
import { usePhone } from '../../lib/usePhone';
import { useRegionName } from '../../lib/useRegionName';
import { useRegionNode } from './api';
import { RegionChooser } from './RegionChooser';

export interface RegionPickerProps {
  label: string;
  /** The chosen code, '' for none. */
  value: string;
  onChange: (code: string, region: Region | null) => void;
  /** Regions at these levels can be chosen. */
  levels: readonly RegionLevel[];
  /** Browse and search only inside this region ('' = the whole country). */
  within?: string;
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
}

function ChosenRegion({ code }: { code: string }) {
  const regionName = useRegionName();
  const node = useRegionNode(code);
  const region = node.data?.region;
  return (
    <>
      {region ? `${regionName(region.code, region.name)} · ${formatRegionCode(region.code)}` : formatRegionCode(code)}
    </>
  );
}

/** A field that opens a search-and-browse dialog over the Kemendagri region tree and returns a code. */
export function RegionPicker({
  label,
  value,
  onChange,
  levels,
  within = '',
  placeholder,
  description,
  error,
  required,
  clearable = false,
  disabled,
}: RegionPickerProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const phone = usePhone();
  const inputId = useId();

  const choose = (region: Region) => {
    onChange(region.code, region);
    close();
  };

  return (
    <>
      <Input.Wrapper label={label} description={description} error={error} required={required} id={inputId}>
        <Input
          id={inputId}
          component="button"
          type="button"
          pointer
          disabled={disabled}
          onClick={open}
          error={Boolean(error)}
          rightSectionPointerEvents={value && clearable ? 'all' : 'none'}
          rightSection={
            value && clearable ? (
              <CloseButton size="sm" aria-label={t('region.clear', { label })} onClick={() => onChange('', null)} />
            ) : (
              <IconChevronDown size={16} aria-hidden="true" />
            )
          }
          style={{ textAlign: 'start' }}
        >
          <span style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {value ? (
              <ChosenRegion code={value} />
            ) : (
              <Input.Placeholder>{placeholder ?? t('region.choose')}</Input.Placeholder>
            )}
          </span>
        </Input>
      </Input.Wrapper>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={opened}
        onClose={close}
        title={label}
        fullScreen={phone}
        size="lg"
      >
        {opened && (
          <RegionChooser
            levels={levels}
            within={within}
            startCode={value.length > within.length ? parentCodeOf(value) : within}
            onChoose={choose}
          />
        )}
      </Modal>
    </>
  );
}
