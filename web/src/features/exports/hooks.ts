import { useMutation } from '@tanstack/react-query';
import { api } from '../../app/api.js';

/** A download of one export; its error is shown beside the buttons. */
export const useExportDownload = () => useMutation({ mutationFn: (path: string) => api.download(path) });
