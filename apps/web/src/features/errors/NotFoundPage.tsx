import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/RouterLinks';
import { StatusPage } from './StatusPage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconMapQuestion size={36} />}
      code="404"
      title={t('errors.notFoundPageTitle')}
      message={t('errors.notFoundPageMessage')}
      action={<ButtonLink to="/">{t('actions.backHome')}</ButtonLink>}
    />
  );
}
