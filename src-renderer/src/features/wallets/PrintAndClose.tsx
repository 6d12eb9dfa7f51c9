import { Button } from '@mui/material';
import Print from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';

/** The Print and Close buttons a receipt dialog ends with; Close takes the focus, so Enter closes. */
export function PrintAndClose({ onClose, canPrint = true }: { onClose: () => void; canPrint?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Button startIcon={<Print />} onClick={() => window.print()} disabled={!canPrint}>
        {t('wallets:receipt.print')}
      </Button>
      <Button variant="contained" onClick={onClose} autoFocus>
        {t('common:actions.close')}
      </Button>
    </>
  );
}
