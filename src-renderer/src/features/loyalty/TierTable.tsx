import { Button, IconButton, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import Add from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlineOutlined';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { checkPercent } from '../settings/setting-text';
import { formatBasisPoints } from '../points/points-format';
import { tierName } from '../points/tier-text';
import { RuleField } from './RuleField';
import { blankTier, type LoyaltyForm, type TierForm } from './loyalty-form';
import { RulesSection } from './RulesSection';

/** As many tiers as the rules' schema (loyaltyRulesSchema) holds. */
const MAX_TIERS = 8;

/** "Gold" for a tier the defaults name, else its id; "new tier" before it has one. */
function useTierLabel() {
  const { t } = useTranslation();
  return (tier: Pick<TierForm, 'id' | 'name'>) => tier.name.trim() || (tier.id ? tierName(undefined, tier.id, t) : t('loyalty:tiers.newTier'));
}

/** The fee typed for a tier as the locale writes a percentage, or nothing while it is not a rate. */
function feeNote(percent: string, language: string): string | undefined {
  const check = checkPercent(percent);
  return check.problem === null ? formatBasisPoints(check.bps, language) : undefined;
}

interface TierTableProps {
  control: Control<LoyaltyForm>;
  readOnly: boolean;
  /** The ids saved now: a saved tier keeps its id (members' tiers name it); a new row gets one typed. */
  savedIds: readonly string[];
  /** Each enabled currency's own payment fee rate, as the locale writes it: what a blank fee means. */
  currencyRates: string;
}

/** The tiers, lowest first: name, threshold, payment fee rate (blank: the currency's) and points multiplier. */
export function TierTable({ control, readOnly, savedIds, currencyRates }: TierTableProps) {
  const { t, i18n } = useTranslation();
  const tierLabel = useTierLabel();
  // The rows' own keys are `key`: `id` is the tier's.
  const { fields, append, remove } = useFieldArray({ control, name: 'tiers', keyName: 'key' });
  const tiers = useWatch({ control, name: 'tiers' });
  const cellLabel = (column: string, index: number) => t('loyalty:tiers.cellLabel', { column, tier: tierLabel(tiers[index] ?? blankTier()) });
  return (
    <RulesSection id="tiers" title={t('loyalty:tiers.title')} description={t('loyalty:tiers.description')}>
      <TableContainer>
        <Table size="small" aria-labelledby="loyalty-tiers-title" sx={{ '& tbody td, & tbody th': { verticalAlign: 'top' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 130 }}>{t('loyalty:tiers.id')}</TableCell>
              <TableCell>{t('loyalty:tiers.name')}</TableCell>
              <TableCell sx={{ width: 170 }}>{t('loyalty:tiers.threshold')}</TableCell>
              <TableCell sx={{ width: 200 }}>{t('loyalty:tiers.fee')}</TableCell>
              <TableCell sx={{ width: 150 }}>{t('loyalty:tiers.multiplier')}</TableCell>
              {!readOnly && <TableCell sx={{ width: 48 }} />}
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map((field, index) => {
              const tier = tiers[index] ?? field;
              const saved = field.id !== '' && savedIds.includes(field.id);
              return (
                <TableRow key={field.key}>
                  <TableCell component="th" scope="row">
                    {saved ? (
                      <Typography variant="body2" sx={{ fontFamily: 'monospace', pt: 1.25 }}>
                        {tier.id}
                      </Typography>
                    ) : (
                      <RuleField control={control} name={`tiers.${index}.id`} ariaLabel={cellLabel(t('loyalty:tiers.id'), index)} placeholder={t('loyalty:tiers.idHint')} readOnly={readOnly} text />
                    )}
                  </TableCell>
                  <TableCell>
                    <RuleField control={control} name={`tiers.${index}.name`} ariaLabel={cellLabel(t('loyalty:tiers.name'), index)} placeholder={tierLabel({ id: tier.id, name: '' })} readOnly={readOnly} text />
                  </TableCell>
                  <TableCell>
                    <RuleField control={control} name={`tiers.${index}.threshold`} ariaLabel={cellLabel(t('loyalty:tiers.threshold'), index)} unit={t('loyalty:life.points')} readOnly={readOnly} />
                  </TableCell>
                  <TableCell>
                    <RuleField
                      control={control}
                      name={`tiers.${index}.feePercent`}
                      ariaLabel={cellLabel(t('loyalty:tiers.fee'), index)}
                      unit="%"
                      placeholder={t('loyalty:tiers.currencyRate')}
                      hint={tier.feePercent.trim() ? feeNote(tier.feePercent, i18n.language) : t('loyalty:tiers.currencyRates', { rates: currencyRates })}
                      readOnly={readOnly}
                    />
                  </TableCell>
                  <TableCell>
                    <RuleField control={control} name={`tiers.${index}.multiplier`} ariaLabel={cellLabel(t('loyalty:tiers.multiplier'), index)} unit="×" unitBefore readOnly={readOnly} />
                  </TableCell>
                  {!readOnly && (
                    <TableCell>
                      <Tooltip title={t('loyalty:tiers.remove', { tier: tierLabel(tier) })}>
                        <span>
                          <IconButton aria-label={t('loyalty:tiers.remove', { tier: tierLabel(tier) })} onClick={() => remove(index)} disabled={fields.length === 1} size="small">
                            <DeleteOutline fontSize="small" />
                          </IconButton>
                        </span>
                      </Tooltip>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {!readOnly && (
        <Button startIcon={<Add />} onClick={() => append(blankTier())} disabled={fields.length >= MAX_TIERS} sx={{ alignSelf: 'flex-start' }}>
          {t('loyalty:tiers.add')}
        </Button>
      )}
    </RulesSection>
  );
}
