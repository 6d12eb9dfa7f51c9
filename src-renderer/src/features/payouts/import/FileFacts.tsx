import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Delimiter, FileFacts as Facts } from '../../../../../src-shared/contract/payouts';

/** How much of the SHA-256 is shown: enough to tell two files apart at a glance and match the CLI's output. */
const HASH_SHOWN = 16;

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="body1" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** What was found out about the file before any row: its encoding, its delimiter in words, how many rows, and its fingerprint. */
export function FileFacts({ fileName, facts }: { fileName: string; facts: Facts }) {
  const { t, i18n } = useTranslation();
  const unknown = t('payouts:import.facts.unknown');
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap' }}>
        <Fact label={t('payouts:import.facts.file')} value={fileName} testId="file-name" />
        <Fact label={t('payouts:import.facts.encoding')} value={facts.encoding ? t(`payouts:encoding.${facts.encoding}`) : unknown} testId="file-encoding" />
        <Fact label={t('payouts:import.facts.delimiter')} value={facts.delimiter ? t(`payouts:delimiter.${DELIMITER_NAMES[facts.delimiter]}`) : unknown} testId="file-delimiter" />
        <Fact label={t('payouts:import.facts.rows')} value={new Intl.NumberFormat(i18n.language).format(facts.rows)} testId="file-rows" />
        <Box title={facts.sha256}>
          <Fact label={t('payouts:import.facts.sha256')} value={facts.sha256 ? `${facts.sha256.slice(0, HASH_SHOWN)}…` : unknown} testId="file-sha256" />
        </Box>
      </Stack>
    </Paper>
  );
}
