import { boundField } from '../../ui/form';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { POINTS_CURRENCY } from '../../../../src-shared/money';

type PointsFieldProps<T extends FieldValues> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'helperText'> & {
  control: Control<T>;
  name: Path<T>;
  label: string;
  /** A refusal of the typed points by the main process (a dry run or the post), in words; shown unless the form has its own problem with the field. */
  refusal?: string | null;
  /** Shown under the field when nothing is wrong. */
  note?: string;
};

/** Whole points typed as text (read by checkPoints when the form is checked), tabular, with the PTS unit at its end. */
export function PointsField<T extends FieldValues>({ control, name, refusal = null, note, ...rest }: PointsFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          {...boundField(field)}
          autoComplete="off"
          error={fieldState.error !== undefined || refusal !== null}
          helperText={fieldState.error?.message ?? refusal ?? note ?? ' '}
          slotProps={{
            htmlInput: { inputMode: 'numeric', spellCheck: false, style: { fontVariantNumeric: 'tabular-nums' } },
            input: { endAdornment: <InputAdornment position="end">{POINTS_CURRENCY}</InputAdornment> },
          }}
        />
      )}
    />
  );
}
