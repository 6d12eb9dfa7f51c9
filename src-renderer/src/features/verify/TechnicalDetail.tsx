import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** SQLite's integrity check names every damaged page; a few hundred characters say enough to start with. */
const SHOWN_AT_FIRST = 240;

/**
 * The main process's own words on a failure (English, as the CLI prints them), for whoever digs
 * further: clipped, with a button to show all of it.
 */
export function TechnicalDetail({ text }: { text: string }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState(false);
  const long = text.length > SHOWN_AT_FIRST;
  return (
    <Box sx={{ mt: 0.5 }}>
      <Typography variant="caption" color="error" component="p" sx={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
        {t('verify:detail', { detail: long && !whole ? `${text.slice(0, SHOWN_AT_FIRST)}…` : text })}
      </Typography>
      {long && (
        <Button size="small" sx={{ px: 0.5, minWidth: 0 }} onClick={() => setWhole(!whole)}>
          {whole ? t('verify:showLess') : t('verify:showAll')}
        </Button>
      )}
    </Box>
  );
}
