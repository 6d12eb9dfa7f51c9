import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useAvailableRoutes } from '../../session/available-routes';

/** True when the signed-in role may open the screen at `to` (its path, before any query). */
export function useCanOpen(): (to: string) => boolean {
  const routes = useAvailableRoutes();
  return (to: string) => routes.some((route) => route.path === to.split('?')[0]);
}

/**
 * One figure of the dashboard: its title, the figure, a line under it, and, when the role may
 * open the screen behind it, the whole card is a link there.
 */
export function FigureCard({ title, icon, to, children, footer }: { title: string; icon: ReactNode; to?: string; children: ReactNode; footer?: ReactNode }) {
  const canOpen = useCanOpen();
  const body = (
    <CardContent sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', color: 'primary.main' }}>
        {icon}
        <Typography variant="subtitle2" component="h2" sx={{ color: 'text.secondary' }}>
          {title}
        </Typography>
      </Stack>
      <Box sx={{ flexGrow: 1 }}>{children}</Box>
      {footer && (
        <Typography variant="caption" color="text.secondary" component="div">
          {footer}
        </Typography>
      )}
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ height: '100%' }} component="section" aria-label={title}>
      {to && canOpen(to) ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%', alignItems: 'stretch' }}>
          {body}
        </CardActionArea>
      ) : (
        body
      )}
    </Card>
  );
}

/** Past this many characters a figure is set smaller, so a large sum of money stays whole on a narrow card. */
const LONG_FIGURE = 13;

/** The card's main figure, large; `text` is what it reads, to size it. */
export function FigureValue({ children, text = '' }: { children: ReactNode; text?: string }) {
  return (
    <Typography variant={text.length > LONG_FIGURE ? 'subtitle1' : 'h6'} component="p" sx={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere', lineHeight: 1.4, fontWeight: 500 }}>
      {children}
    </Typography>
  );
}
