import { useState } from 'react';
import { Button, IconButton, Menu, MenuItem, Tooltip } from '@mui/material';
import DarkMode from '@mui/icons-material/DarkModeOutlined';
import LightMode from '@mui/icons-material/LightModeOutlined';
import Translate from '@mui/icons-material/Translate';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';
import { useColorMode } from './preferences';

/** English / 简体中文, each named in its own language. */
export function LanguageSwitch({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  const { t, i18n } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = LANGUAGES.find((language) => language.code === i18n.language) ?? LANGUAGES[0];
  return (
    <>
      <Button color={color} startIcon={<Translate />} onClick={(event) => setAnchor(event.currentTarget)} aria-label={t('common:language.switch')} aria-haspopup="menu">
        {current.label}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LANGUAGES.map((language) => (
          <MenuItem
            key={language.code}
            lang={language.code}
            selected={language.code === current.code}
            onClick={() => {
              setLanguage(language.code);
              setAnchor(null);
            }}
          >
            {language.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

export function ColorModeToggle({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  const { t } = useTranslation();
  const { mode, toggle } = useColorMode();
  const label = mode === 'light' ? t('common:theme.dark') : t('common:theme.light');
  return (
    <Tooltip title={label}>
      <IconButton color={color} onClick={toggle} aria-label={label}>
        {mode === 'light' ? <DarkMode /> : <LightMode />}
      </IconButton>
    </Tooltip>
  );
}
