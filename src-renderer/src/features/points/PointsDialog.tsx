import type { ReactNode } from 'react';
import { Dialog } from '@mui/material';

/** A dialog whose form is made anew each time it opens, so each opening starts blank with its own idempotency key. */
export function PointsDialog({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      {open && children}
    </Dialog>
  );
}
