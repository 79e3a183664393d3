import { peopleImportMaxBytes } from '@desmigratif/contracts';

export type FileProblem = 'type' | 'size' | 'empty';

const acceptedExtensions = ['.xlsx', '.csv'];

/** What the browser can tell before uploading; the server checks the content itself. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  const name = file.name.toLowerCase();
  if (!acceptedExtensions.some((extension) => name.endsWith(extension))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > peopleImportMaxBytes) return 'size';
  return null;
}

export const acceptAttribute = [
  '.xlsx',
  '.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
].join(',');

export const maxMegabytes = peopleImportMaxBytes / 1024 / 1024;
