import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { CheckBody, DefineCampaignBody, OrderScreeningBody, PreviewBody, RectifyBody } from '../../app/api-types.js';

export const useCampaignOptions = () => useQuery({ queryKey: ['campaigns', 'options'], queryFn: api.campaignOptions });
export const useCampaigns = () => useQuery({ queryKey: ['campaigns', 'list'], queryFn: api.campaigns });
/** Live progress: read again every few seconds while the page is open. */
export const useCampaign = (id: string) => useQuery({ queryKey: ['campaigns', id], queryFn: () => api.campaign(id), refetchInterval: 5000 });
export const useCampaignChecks = (id: string, enabled: boolean) => useQuery({ queryKey: ['campaigns', id, 'checks'], queryFn: () => api.campaignChecks(id), enabled });
export const useHouseholdCheck = (id: string, householdId: string) => useQuery({ queryKey: ['campaigns', id, 'check', householdId], queryFn: () => api.householdCheck(id, householdId) });
export const useNotice = (id: string, enabled: boolean) => useQuery({ queryKey: ['campaigns', id, 'notice'], queryFn: () => api.campaignNotice(id), enabled });

export const usePreview = () => useMutation({ mutationFn: (body: PreviewBody) => api.previewCohort(body) });

function useRefreshing<A, R>(run: (a: A) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['campaigns'] }), queries.invalidateQueries({ queryKey: ['due-items'] })]),
  });
}

export const useLaunch = () => useRefreshing((body: DefineCampaignBody) => api.launchCampaign(body));
export const useRecordCheck = (id: string, householdId: string) => useRefreshing((body: CheckBody) => api.recordCheck(id, householdId, body));
export const useRectify = (id: string) => useRefreshing(({ problemId, body }: { problemId: string; body: RectifyBody }) => api.rectify(id, problemId, body));
export const usePublish = (id: string) => useRefreshing(() => api.publishNotice(id));
/** An immediate screening 突发情况排查 is a campaign of its own: ordered here, followed on the campaign's page. */
export const useOrderScreening = () => useRefreshing((body: OrderScreeningBody) => api.orderScreening(body));
