import type { ReactNode } from 'react';
import { Dialog } from '@mui/material';

/**
 * A card dialog whose content is made anew at each opening (a blank form, its own idempotency
 * key). A click beside it does not close it: it may hold a number shown only once.
 */
export function CardDialog({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Dialog open={open} onClose={(_event, reason) => reason !== 'backdropClick' && onClose()} maxWidth="sm" fullWidth>
      {open && children}
    </Dialog>
  );
}
