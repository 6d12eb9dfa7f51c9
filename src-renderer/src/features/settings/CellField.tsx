import { InputAdornment, TextField } from '@mui/material';
import { boundField } from '../../ui/form';
import { Controller, type Control, type FieldValues, type Path, type PathValue } from 'react-hook-form';

/** A number typed as text (a rate, an amount in major units), its unit after it; `label` names a field without a visible label. */
export function decimalSlots(readOnly: boolean, unit: string, label?: string) {
  return {
    htmlInput: { inputMode: 'decimal' as const, spellCheck: false, readOnly, 'aria-label': label, style: { fontVariantNumeric: 'tabular-nums' } },
    input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> },
  };
}

export interface CellFieldProps<F extends FieldValues> {
  control: Control<F>;
  name: Path<F>;
  unit: string;
  /** Names the cell for a screen reader: its row and its column. */
  label: string;
  /** Shown while the cell is blank: what a blank means. */
  placeholder: string;
  readOnly: boolean;
  /** The line under a cell without a problem, from what is typed in it. */
  note: (value: string) => string | undefined;
}

/** One cell of a settings table: a text field bound to the section's form, its problem or its note below it. */
export function CellField<F extends FieldValues>({ control, name, unit, label, placeholder, readOnly, note }: CellFieldProps<F>) {
  return (
    <Controller
      control={control}
      name={name}
      // A currency enabled since the form was filled has no value yet: it starts blank.
      defaultValue={'' as PathValue<F, Path<F>>}
      render={({ field, fieldState }) => (
        <TextField
          {...boundField(field)}
          size="small"
          fullWidth
          placeholder={placeholder}
          autoComplete="off"
          error={fieldState.error !== undefined}
          helperText={fieldState.error?.message ?? note((field.value as string | undefined) ?? '')}
          slotProps={decimalSlots(readOnly, unit, label)}
        />
      )}
    />
  );
}
