import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDesktopBridge, CHOOSE_FOLDER_CHANNEL } from '../../src-main/electron/bridge';
import { folderPickerAnswerer, type OpenDialogAnswer, type ShowFolderDialog } from '../../src-main/electron/folder-picker';
import { rendererPage } from '../../src-main/electron/renderer-page';

// The folder dialog behind "Choose folder…" on the backup screen (Electron security checklist,
// item 17: validate the sender of every IPC message).

const page = rendererPage({ mainDir: join('/opt', 'paydesk', 'out', 'main'), isPackaged: true });
const fromOurPage = { senderFrame: { url: `${page.url}#/admin/backup`, parent: null } };
const fromEvil = { senderFrame: { url: 'https://evil.example/', parent: null } };

function dialogAnswering(answer: OpenDialogAnswer): ShowFolderDialog & { asked: unknown[] } {
  const asked: unknown[] = [];
  return Object.assign(async (options: unknown) => {
    asked.push(options);
    return answer;
  }, { asked });
}

describe('the folder picker', () => {
  it('hands our page the folder the person chose in a folder-only dialog', async () => {
    const dialog = dialogAnswering({ canceled: false, filePaths: ['/media/usb/paydesk'] });
    expect(await folderPickerAnswerer({ page, showDialog: dialog })(fromOurPage)).toBe('/media/usb/paydesk');
    expect(dialog.asked).toEqual([{ properties: ['openDirectory', 'createDirectory'] }]);
  });

  it('answers null when the person cancels', async () => {
    const dialog = dialogAnswering({ canceled: true, filePaths: [] });
    expect(await folderPickerAnswerer({ page, showDialog: dialog })(fromOurPage)).toBeNull();
  });

  it('opens no dialog for another page or a subframe, and answers null', async () => {
    const dialog = dialogAnswering({ canceled: false, filePaths: ['/'] });
    const warnings: string[] = [];
    const answer = folderPickerAnswerer({ page, showDialog: dialog, warn: (line) => warnings.push(line) });
    expect(await answer(fromEvil)).toBeNull();
    expect(await answer({ senderFrame: { url: page.url, parent: {} } })).toBeNull();
    expect(await answer({ senderFrame: null })).toBeNull();
    expect(dialog.asked).toEqual([]);
    expect(warnings).toHaveLength(3);
  });

  it('is reached from the page through one frozen function that sends no channel name or argument', async () => {
    const sent: unknown[][] = [];
    const bridge = buildDesktopBridge(async (...args) => {
      sent.push(args);
      return '/media/usb';
    });
    expect(Object.keys(bridge)).toEqual(['chooseFolder']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await (bridge.chooseFolder as (...args: unknown[]) => Promise<string | null>)('/etc', 'other.channel')).toBe('/media/usb');
    expect(sent).toEqual([[CHOOSE_FOLDER_CHANNEL]]);
  });
});
