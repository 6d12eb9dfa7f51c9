import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('paydesk', {});
