import { useMemo } from 'react';
import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COUNTER_ROLES, counterLimitSettings } from '../../../../src-shared/settings/counter-limits';
import { useFormatMoney } from '../../ui/Money';
import { counterCurrencies, counterForm, type CounterForm } from './section-forms';
import { settingHint, settingLabel } from './setting-labels';
import { checkOptionalAmount } from './setting-text';
import { SettingsCard } from './SettingsCard';
import { CellField } from './CellField';
import { useSectionForm, type SectionState } from './use-section-form';

interface AmountCellProps {
  control: Control<CounterForm>;
  name: `operationLimits.${string}.${string}` | `approvalThresholds.${string}`;
  currency: string;
  /** Names the cell for a screen reader: its row and its currency. */
  label: string;
  /** Shown when the cell is blank: what a blank means (no limit, never). */
  blank: string;
  readOnly: boolean;
}

/** An amount typed in major units; below it, what it is worth in the locale's format, or its problem. */
function AmountCell({ control, name, currency, label, blank, readOnly }: AmountCellProps) {
  const format = useFormatMoney();
  // A blank cell's placeholder already says what blank means; the line below stays, so rows keep their height.
  const worth = (value: string) => {
    const check = checkOptionalAmount(value, currency);
    return check.problem === null && check.minor !== undefined ? format(check.minor, currency) : ' ';
  };
  return <CellField control={control} name={name} unit={currency} label={label} placeholder={blank} readOnly={readOnly} note={worth} />;
}

/** A row's heading: what the row sets, and the line that says what it does. */
function RowHeading({ label, hint }: { label: string; hint: string }) {
  return (
    <TableCell component="th" scope="row" sx={{ verticalAlign: 'top', minWidth: 200, maxWidth: 280 }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {label}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {hint}
      </Typography>
    </TableCell>
  );
}

/** Counter limits: per role and currency the largest single operation, and per currency the second-approval threshold. */
export function CounterSection(state: SectionState) {
  const { t } = useTranslation();
  const section = useSectionForm(counterForm, state);
  const currencies = useMemo(() => counterCurrencies(state.saved), [state.saved]);
  const { control } = section;
  const noLimit = t('settings:limits.noLimit');
  const never = t('settings:limits.never');
  return (
    <SettingsCard
      domain={counterLimitSettings.domain}
      readOnly={state.readOnly}
      section={section}
    >
      <TableContainer>
        <Table size="small" aria-label={t(`settings:section.${counterLimitSettings.domain}.title`)}>
          <TableHead>
            <TableRow>
              <TableCell />
              {currencies.map((currency) => (
                <TableCell key={currency} sx={{ minWidth: 180 }}>
                  {currency}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {COUNTER_ROLES.map((role) => {
              const roleName = t(`common:role.${role}`);
              return (
                <TableRow key={role}>
                  <RowHeading label={t('settings:limits.operationRow', { role: roleName })} hint={settingHint('operationLimits', t)} />
                  {currencies.map((currency) => (
                    <TableCell key={currency} sx={{ verticalAlign: 'top' }}>
                      <AmountCell
                        control={control}
                        name={`operationLimits.${role}.${currency}`}
                        currency={currency}
                        label={t('settings:limits.operationCell', { role: roleName, currency })}
                        blank={noLimit}
                        readOnly={state.readOnly}
                      />
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
            <TableRow>
              <RowHeading label={settingLabel('approvalThresholds', t)} hint={settingHint('approvalThresholds', t)} />
              {currencies.map((currency) => (
                <TableCell key={currency} sx={{ verticalAlign: 'top' }}>
                  <AmountCell
                    control={control}
                    name={`approvalThresholds.${currency}`}
                    currency={currency}
                    label={t('settings:limits.thresholdCell', { currency })}
                    blank={never}
                    readOnly={state.readOnly}
                  />
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </TableContainer>
      <Box>
        <Typography variant="body2" color="text.secondary">
          {t('settings:limits.majorUnits')}
        </Typography>
      </Box>
    </SettingsCard>
  );
}
