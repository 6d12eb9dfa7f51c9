import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';

export interface DetailRowProps {
  label: string;
  children: ReactNode;
  /** The figure the reader came for (a total, the balance after), in bold. */
  strong?: boolean;
  /** Smaller type and tighter spacing, for a receipt that has to fit a slip of paper. */
  dense?: boolean;
}

/**
 * One label and its value, the label on the left and the value aligned right: a row of a `dl`, as
 * the confirmation before posting and the receipt after it show them, so both read alike.
 */
export function DetailRow({ label, children, strong = false, dense = false }: DetailRowProps) {
  const variant = dense ? 'body2' : 'body1';
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 2, py: dense ? 0.25 : 0 }}>
      <Typography variant={variant} color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant={variant} component="dd" sx={{ m: 0, textAlign: 'right', fontWeight: strong ? 700 : 400 }}>
        {children}
      </Typography>
    </Stack>
  );
}
