import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useWatch, type Control } from 'react-hook-form';
import { CellField, decimalSlots } from './CellField';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../ui/Money';
import { useCurrencyName } from './CurrencyPicker';
import { feeExample } from './fee-example';
import type { WalletForm } from './section-forms';
import { settingHint, settingLabel } from './setting-labels';
import { checkPercent } from './setting-text';

/** A typed percentage as a number field shows it: digits, with % after them; `label` names a field without a visible label. */
export function percentSlots(readOnly: boolean, label?: string) {
  return decimalSlots(readOnly, '%', label);
}

/** "Fee on CN¥100.00 = CN¥0.50" at the rate typed, or nothing while it is not a rate. */
export function FeeExampleText({ percent, currency }: { percent: string; currency: string }) {
  const { t } = useTranslation();
  const format = useFormatMoney();
  const check = checkPercent(percent);
  if (check.problem !== null) return null;
  const example = feeExample(check.bps, currency);
  return (
    <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {t('settings:fee.example', { amount: format(example.amount, currency), fee: format(example.fee, currency) })}
    </Typography>
  );
}

/** Per enabled currency: its own payment fee rate (blank pays the general rate) and what it charges. */
export function FeeRates({ control, readOnly }: { control: Control<WalletForm>; readOnly: boolean }) {
  const { t } = useTranslation();
  const currencyName = useCurrencyName();
  const currencies = useWatch({ control, name: 'enabledCurrencies' });
  const general = useWatch({ control, name: 'paymentFeeBps' });
  const own = useWatch({ control, name: 'paymentFeeBpsByCurrency' });
  return (
    <section aria-labelledby="fee-rates-title">
      <Typography id="fee-rates-title" variant="subtitle2" component="h3">
        {settingLabel('paymentFeeBpsByCurrency', t)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {settingHint('paymentFeeBpsByCurrency', t)}
      </Typography>
      <TableContainer>
        <Table size="small" aria-labelledby="fee-rates-title">
          <TableHead>
            <TableRow>
              <TableCell>{t('settings:fee.currency')}</TableCell>
              <TableCell>{t('settings:fee.rate')}</TableCell>
              <TableCell>{t('settings:fee.charges')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {currencies.map((currency) => {
              const rate = own[currency]?.trim() ? own[currency] : general;
              return (
                <TableRow key={currency}>
                  <TableCell component="th" scope="row">
                    <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
                      {currency}
                    </Typography>{' '}
                    <Typography variant="body2" component="span" color="text.secondary">
                      {currencyName(currency)}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ width: 220 }}>
                    <CellField
                      control={control}
                      name={`paymentFeeBpsByCurrency.${currency}`}
                      unit="%"
                      label={t('settings:fee.rateIn', { currency })}
                      placeholder={general}
                      readOnly={readOnly}
                      note={(value) => (value.trim() ? undefined : t('settings:fee.sameAsGeneral'))}
                    />
                  </TableCell>
                  <TableCell>
                    <FeeExampleText percent={rate ?? ''} currency={currency} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
