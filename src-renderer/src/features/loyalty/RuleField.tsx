import type { ReactNode } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { boundField } from '../../ui/form';
import { Controller, type Control, type Path } from 'react-hook-form';
import type { LoyaltyForm } from './loyalty-form';

export interface RuleFieldProps {
  control: Control<LoyaltyForm>;
  name: Path<LoyaltyForm>;
  /** The visible label; a table cell has none and is named by `ariaLabel` (its row and column). */
  label?: string;
  ariaLabel?: string;
  /** Shown after the number (days, %, points) or, for a factor, before it (×). */
  unit?: string;
  unitBefore?: boolean;
  placeholder?: string;
  /** The line under the field while it has no problem. */
  hint?: ReactNode;
  readOnly: boolean;
  disabled?: boolean;
  /** Digits, or free text (a tier's name and id). */
  text?: boolean;
  width?: number;
}

/** One field of the rules: the form's text, its problem (in our words) or its hint below it. */
export function RuleField({ control, name, label, ariaLabel, unit, unitBefore = false, placeholder, hint, readOnly, disabled, text = false, width }: RuleFieldProps) {
  const adornment = unit ? <InputAdornment position={unitBefore ? 'start' : 'end'}>{unit}</InputAdornment> : undefined;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...boundField(field)}
          size="small"
          label={label}
          placeholder={placeholder}
          disabled={disabled}
          autoComplete="off"
          error={fieldState.error !== undefined}
          helperText={fieldState.error?.message ?? hint}
          sx={width ? { width } : { width: '100%' }}
          slotProps={{
            htmlInput: {
              readOnly,
              'aria-label': ariaLabel,
              spellCheck: false,
              ...(text ? {} : { inputMode: 'decimal' as const, style: { fontVariantNumeric: 'tabular-nums' } }),
            },
            input: unitBefore ? { startAdornment: adornment } : { endAdornment: adornment },
          }}
        />
      )}
    />
  );
}
