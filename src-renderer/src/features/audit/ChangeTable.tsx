import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ChangeDetail, Fact } from './describe-change';

function FactsTable({ facts, caption }: { facts: Fact[]; caption: string }) {
  return (
    <Table size="small" aria-label={caption}>
      <TableHead>
        <TableRow>
          <TableCell component="th" colSpan={2}>
            {caption}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {facts.map((fact) => (
          <TableRow key={fact.field}>
            <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: '40%' }}>
              {fact.label}
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              {fact.value}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Field, before and after, the changed rows in bold; unchanged ones stay for context. */
function BeforeAfterTable({ detail }: { detail: Extract<ChangeDetail, { kind: 'change' }> }) {
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={t('audit:field.change')} data-testid="before-after">
      <TableHead>
        <TableRow>
          <TableCell component="th">{t('audit:detail.field')}</TableCell>
          <TableCell component="th">{t('audit:detail.before')}</TableCell>
          <TableCell component="th">{t('audit:detail.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.rows.map((row) => (
          <TableRow key={row.field} sx={row.changed ? { '& td, & th': { fontWeight: 600 } } : { '& td': { color: 'text.secondary' } }}>
            <TableCell component="th" scope="row">
              {row.label}
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.before}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.after}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** An audit row's recorded change, as a table: before and after, what was recorded, or what a reversal undid. */
export function ChangeTable({ detail }: { detail: ChangeDetail }) {
  const { t } = useTranslation();
  switch (detail.kind) {
    case 'change':
      return (
        <>
          <BeforeAfterTable detail={detail} />
          {detail.context.length > 0 && <FactsTable facts={detail.context} caption={t('audit:detail.value')} />}
        </>
      );
    case 'record':
      return <FactsTable facts={detail.facts} caption={t(detail.side === 'after' ? 'audit:detail.recorded' : 'audit:detail.before')} />;
    case 'reversal':
      return (
        <>
          <Typography variant="body2">{detail.sentence}</Typography>
          <FactsTable facts={detail.reversed} caption={t('audit:detail.reversed')} />
          <FactsTable facts={detail.reversal} caption={t('audit:detail.reversal')} />
        </>
      );
    case 'none':
      return (
        <Typography variant="body2" color="text.secondary">
          {t('audit:detail.nothing')}
        </Typography>
      );
  }
}
