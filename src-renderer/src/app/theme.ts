import { createTheme, type Theme } from '@mui/material/styles';
import { enUS as materialEn, zhCN as materialZh } from '@mui/material/locale';
import { enUS as gridEn, zhCN as gridZh } from '@mui/x-data-grid/locales';
import type { ColorMode } from '../ui/preferences';

export function buildTheme(mode: ColorMode, language: string): Theme {
  const zh = language === 'zh-CN';
  return createTheme(
    {
      palette: { mode, primary: { main: mode === 'light' ? '#1f5f8b' : '#7db7e0' }, secondary: { main: '#8b5a1f' } },
      shape: { borderRadius: 8 },
      typography: {
        // Latin first, so digits and Latin letters keep Roboto's shapes inside Chinese text; then
        // the bundled Noto Sans SC (see main.tsx), so Chinese never depends on the machine's fonts.
        fontFamily: zh
          ? '"Roboto", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'
          : '"Roboto", "Helvetica Neue", Arial, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
      },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTextField: { defaultProps: { fullWidth: true } },
      },
    },
    zh ? materialZh : materialEn,
    zh ? gridZh : gridEn,
  );
}
