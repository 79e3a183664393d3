import { destinationCountries } from '@desmigratif/contracts';
import { Select, type SelectProps } from '@mantine/core';

const options = destinationCountries.map((country) => ({ value: country.code, label: country.name }));

/** The destination countries of the contracts' list, searchable by their Indonesian name. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  return <Select searchable data={options} comboboxProps={{ withinPortal: true }} {...props} />;
}
