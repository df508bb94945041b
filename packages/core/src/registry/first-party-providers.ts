/** First-party provider ids and the packages that provide them: imported on first use. */
export const firstPartyProviders: Readonly<Record<string, string>> = {
  local: '@video-gen/provider-local',
  sora2: '@video-gen/provider-sora',
  'azure-sora': '@video-gen/provider-azure-sora',
  veo3: '@video-gen/provider-veo3',
  runway: '@video-gen/provider-runway',
};
