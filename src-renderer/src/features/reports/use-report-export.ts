import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { exportResultSchema, type ReportFormat, type ReportParams } from '../../../../src-shared/contract/reports';
import type { ReportId } from '../../../../src-shared/reports/report-access';
import { type ApiError, apiErrorFrom, call } from '../../api/call';
import { useJob } from '../../api/jobs';
import { useChannelMutation } from '../../api/queries';
import { saveFile } from '../../ui/csv/save-file';
import { reportLanguage } from './report-text';

// An export is a job in the main process (every row, streamed into the file); the screen follows
// its progress, may cancel it, and once it is done fetches the file and saves it.

/** The file's bytes from the base64 the channel carries (a PDF is binary; a CSV's BOM must survive too). */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Names a report with its parameters, to tell whether an export was of the report on screen. */
export function exportSubject(report: ReportId, params: ReportParams): string {
  return JSON.stringify([report, params]);
}

export interface SavedExport {
  fileName: string;
  rows: number | null;
}

export function useReportExport(language: string) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [format, setFormat] = useState<ReportFormat | null>(null);
  const [saved, setSaved] = useState<SavedExport | null>(null);
  /** What the last export was of (report and parameters), so its outcome is shown only beside that report. */
  const [subject, setSubject] = useState<string | null>(null);
  const fetched = useRef<string | null>(null);
  const start = useChannelMutation('reports.export', { onSuccess: (started) => setJobId(started.jobId) });
  const job = useJob(jobId);
  const cancel = useChannelMutation('jobs.cancel');
  const download = useMutation<SavedExport, ApiError, { jobId: string; rows: number | null }>({
    mutationFn: async ({ jobId: id, rows }) => {
      const file = await call('reports.download', { jobId: id });
      saveFile(file.fileName, bytesOf(file.base64), file.mediaType);
      return { fileName: file.fileName, rows };
    },
    onSuccess: setSaved,
  });
  const { mutate: fetchFile } = download;

  useEffect(() => {
    const current = job.data;
    if (!current || current.state !== 'done' || fetched.current === current.id) return;
    fetched.current = current.id;
    const result = exportResultSchema.safeParse(current.result);
    fetchFile({ jobId: current.id, rows: result.success ? result.data.rows : null });
  }, [job.data, fetchFile]);

  const failed = job.data?.state === 'failed' && job.data.error ? apiErrorFrom(job.data.error) : null;
  const running = start.isPending || job.data?.state === 'running' || (jobId !== null && job.isPending) || download.isPending;
  return {
    format,
    subject,
    running,
    job: jobId === null ? undefined : job.data,
    saved,
    cancelled: job.data?.state === 'cancelled',
    error: start.error ?? failed ?? job.error ?? download.error ?? cancel.error,
    start: (report: ReportId, params: ReportParams, chosen: ReportFormat) => {
      setFormat(chosen);
      setSubject(exportSubject(report, params));
      setSaved(null);
      setJobId(null);
      download.reset();
      start.mutate({ report, params, format: chosen, language: reportLanguage(language) });
    },
    /** Puts the outcome of the last export away. */
    dismiss: () => {
      setFormat(null);
      setSaved(null);
    },
    cancel: () => {
      if (jobId !== null) cancel.mutate({ id: jobId });
    },
  };
}
