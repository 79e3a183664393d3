import type { PersonDetail } from '@desmigratif/contracts';
import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** What the NIK checks found on the saved record: warnings (birth date or sex disagree) never block it. */
export function NikIssuesAlert({ issues }: { issues: PersonDetail['nikIssues'] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const errors = issues.some((issue) => issue.severity === 'error');
  return (
    <Alert
      color={errors ? 'red' : 'yellow'}
      icon={<IconAlertTriangle size={20} />}
      title={errors ? t('person.nikErrorsTitle') : t('person.nikWarningsTitle')}
    >
      <List size="sm" spacing={2}>
        {issues.map((issue) => (
          <List.Item key={issue.code}>{issue.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
