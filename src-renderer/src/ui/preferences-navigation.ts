import { useState } from 'react';
import { useMediaQuery } from '@mui/material';

// Whether the navigation is folded to an icon rail. A person's own choice is kept across reloads,
// as the colour mode is; until they make one, a window narrower than 1100 px starts folded, so a
// 1024 px screen gives its width to the grids rather than to the menu.

const STORAGE_KEY = 'paydesk.navigationCollapsed';
const NARROW_WINDOW = '(max-width: 1099.95px)';

function storedChoice(): boolean | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'true') return true;
  if (stored === 'false') return false;
  return null;
}

export function useNavigationCollapsed(): { collapsed: boolean; toggle: () => void } {
  const narrow = useMediaQuery(NARROW_WINDOW, { noSsr: true });
  const [choice, setChoice] = useState<boolean | null>(storedChoice);
  const collapsed = choice ?? narrow;
  return {
    collapsed,
    toggle: () => {
      localStorage.setItem(STORAGE_KEY, String(!collapsed));
      setChoice(!collapsed);
    },
  };
}
