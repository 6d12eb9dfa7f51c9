import { useId, useRef, useState, type DragEvent } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import UploadFile from '@mui/icons-material/UploadFileOutlined';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../ui/format';

const ACCEPT = '.csv,.txt,text/csv,text/plain';

interface FileDropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
}

/** Drop a file here, or choose one: the button opens the system's file picker, so the keyboard reaches it like any button. */
export function FileDropZone({ file, onFile }: FileDropZoneProps) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <Box
      data-testid="payout-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: dragging ? 'primary.main' : 'divider',
        bgcolor: dragging ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 4,
        textAlign: 'center',
      }}
    >
      <Stack sx={{ alignItems: 'center', gap: 1.5 }}>
        <Box sx={{ color: 'text.secondary', '& svg': { fontSize: 48 } }}>
          <UploadFile />
        </Box>
        <Typography variant="subtitle1">{file ? file.name : t('payouts:import.file.drop')}</Typography>
        <Typography id={hintId} variant="body2" color="text.secondary">
          {file ? formatFileSize(file.size, i18n.language) : t('payouts:import.file.hint')}
        </Typography>
        <Button variant="outlined" onClick={() => input.current?.click()} aria-describedby={hintId}>
          {file ? t('payouts:import.file.chooseAnother') : t('payouts:import.file.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label={t('payouts:import.file.choose')}
          onChange={(event) => {
            const picked = event.target.files?.[0];
            if (picked) onFile(picked);
            // The same file picked again (after editing it) is a new choice.
            event.target.value = '';
          }}
        />
      </Stack>
    </Box>
  );
}
