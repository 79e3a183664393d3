import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** The words to show for an error: the server's own (Indonesian) message, or ours when the server never answered properly. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === 'NETWORK_ERROR') return t('errors.network');
      if (error.code === 'HTTP_ERROR') return t('errors.http', { status: error.status });
      return error.message;
    }
    return t('errors.unexpected');
  };
}
