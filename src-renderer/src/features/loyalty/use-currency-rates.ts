import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { formatBasisPoints } from '../points/points-format';

/**
 * Each enabled currency's own payment fee rate ("CNY 0.5%, USD 0.3%"): what a tier without a fee
 * rate of its own charges. `firstCurrency` is the one redemption examples are written in.
 */
export function useCurrencyRates(): { text: string; firstCurrency: string | undefined } {
  const { i18n } = useTranslation();
  const settings = useChannelQuery('settings.get', {}).data;
  if (!settings) return { text: '…', firstCurrency: undefined };
  const list = new Intl.ListFormat(i18n.language, { style: 'short', type: 'unit' });
  const rates = settings.enabledCurrencies.map((currency) => `${currency} ${formatBasisPoints(settings.paymentFeeBpsByCurrency[currency] ?? settings.paymentFeeBps, i18n.language)}`);
  return { text: list.format(rates), firstCurrency: settings.enabledCurrencies[0] };
}
