import { isTrustedSender, type SenderFrame } from './guards';
import type { RendererPage } from './renderer-page';

// The native folder dialog, for choosing where backups go (removable media). The page gets back
// only the path the person picked in a dialog the main process drew; it gets no file access, and
// the router checks that path again (backup.chooseLocation) before anything is written there.

/** The part of Electron's dialog.showOpenDialog answer the picker reads. */
export interface OpenDialogAnswer {
  canceled: boolean;
  filePaths: string[];
}

/** Electron's dialog.showOpenDialog, bound to the main window, so the picker is tested without Electron. */
export type ShowFolderDialog = (options: { properties: ('openDirectory' | 'createDirectory')[] }) => Promise<OpenDialogAnswer>;

export interface FolderPickerBinding {
  page: RendererPage;
  showDialog: ShowFolderDialog;
  warn?: (line: string) => void;
}

/** Answers a pick from our own page with the chosen folder or null; from anywhere else, null without a dialog. */
export function folderPickerAnswerer(binding: FolderPickerBinding) {
  const warn = binding.warn ?? ((line: string) => console.warn(line));
  return async function answerFolderPick(event: { senderFrame: SenderFrame | null }): Promise<string | null> {
    if (!isTrustedSender(event.senderFrame, binding.page)) {
      warn(`answerFolderPick: refused a folder dialog to ${event.senderFrame?.url ?? 'a frame that is gone'}`);
      return null;
    }
    const answer = await binding.showDialog({ properties: ['openDirectory', 'createDirectory'] });
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  };
}
