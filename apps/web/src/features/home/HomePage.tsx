import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { isVillageRole } from '../../app/auth/permissions';
import { PageHeader } from '../../components/PageHeader';
import { ProgramSummaryPanel } from '../summary/ProgramSummaryPanel';
import { RegencyHome } from './RegencyHome';
import { VillageHome } from './VillageHome';

/** The first screen after login, shaped by role: one village, one regency, or the national picture. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();

  if (isVillageRole(user.role)) return <VillageHome user={user} />;
  if (user.role === 'koordinator_kabupaten') return <RegencyHome user={user} />;
  return (
    <>
      <PageHeader title={t('home.greeting', { name: user.fullName })} description={t('home.nationalDescription')} />
      <ProgramSummaryPanel within={user.scopeCode} />
    </>
  );
}
