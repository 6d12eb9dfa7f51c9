import { useState } from 'react';
import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import FileDownload from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import { payoutTemplate } from '../../../../src-shared/payouts/columns';
import { saveFile } from '../../ui/csv/save-file';

const TEMPLATE_LANGUAGES = ['en', 'zh-CN'] as const;

/** Downloads a payout file to fill in: the header in English or Chinese, and two example rows in `currency`. */
export function TemplateButton({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const download = (language: (typeof TEMPLATE_LANGUAGES)[number]) => {
    setAnchor(null);
    saveFile(t(`payouts:template.fileName.${language}`), payoutTemplate(language, currency), 'text/csv;charset=utf-8');
  };
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FileDownload />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        disabled={currency === ''}
      >
        {t('payouts:template.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {TEMPLATE_LANGUAGES.map((language) => (
          <MenuItem key={language} onClick={() => download(language)}>
            <ListItemText primary={t(`payouts:template.language.${language}`)} secondary={t(`payouts:template.hint.${language}`)} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
