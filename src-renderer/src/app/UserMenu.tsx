import { useState } from 'react';
import { Box, Button, Divider, ListItemIcon, Menu, MenuItem, Typography } from '@mui/material';
import AccountCircle from '@mui/icons-material/AccountCircleOutlined';
import Key from '@mui/icons-material/KeyOutlined';
import Lock from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../src-shared/contract/session';
import { RoleChip } from '../ui/StatusChip';
import { shownName } from '../session/session';
import { ChangePassphraseDialog } from '../features/session/ChangePassphraseDialog';

/** Who is signed in and the trust fingerprint they hold, with their own actions: change passphrase, lock. */
export function UserMenu({ session, onLock }: { session: Session; onLock: () => void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Button color="inherit" startIcon={<AccountCircle />} onClick={(event) => setAnchor(event.currentTarget)} aria-haspopup="menu" data-testid="user-menu">
        <Box component="span" sx={{ textTransform: 'none', mr: 1 }}>
          {shownName(session, t)}
        </Box>
        <Box component="span" sx={{ '& .MuiChip-root': { color: 'inherit', borderColor: 'currentColor' } }}>
          <RoleChip role={session.role} />
        </Box>
      </Button>
      <Button color="inherit" variant="outlined" startIcon={<Lock />} onClick={onLock}>
        {t('session:lock.action')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <Box sx={{ px: 2, py: 1 }}>
          <Typography variant="subtitle2">{shownName(session, t)}</Typography>
          <Typography variant="body2" color="text.secondary">
            {session.username}
          </Typography>
        </Box>
        <Divider />
        {/* Every role can compare the fingerprint its keyslot trusts with the one kept from set-up; Settings is the admins'. */}
        <Box sx={{ px: 2, py: 1 }}>
          <Typography variant="caption" color="text.secondary" component="p">
            {t('common:trustFingerprint.title')}
          </Typography>
          <Typography variant="body2" component="code" data-testid="user-menu-trust-fingerprint" sx={{ fontFamily: '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace' }}>
            {session.trustFingerprint}
          </Typography>
        </Box>
        <Divider />
        <MenuItem
          disabled={session.recovery}
          onClick={() => {
            setAnchor(null);
            setChanging(true);
          }}
        >
          <ListItemIcon>
            <Key fontSize="small" />
          </ListItemIcon>
          {t('session:changePassphrase.action')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            onLock();
          }}
        >
          <ListItemIcon>
            <Lock fontSize="small" />
          </ListItemIcon>
          {t('session:lock.action')}
        </MenuItem>
      </Menu>
      <ChangePassphraseDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
