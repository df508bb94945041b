import { generateKeyPairSync } from 'node:crypto';
import { generateVideo } from '@video-gen/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { FAST, LOCATION, mswServer, outPath, PROJECT, useVeo } from './test-helpers.js';
import { createVeo3 } from './veo3-provider.js';

const server = mswServer();
const TOKEN = 'ya29.minted-by-google-auth-library-0000';

describe('enterprise credentials through google-auth-library', () => {
  it('mints the bearer from service-account googleAuthOptions (token endpoint mocked) and uses it for every call', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const tokenRequests: string[] = [];
    server.use(
      http.post('https://oauth2.googleapis.com/token', async ({ request }) => {
        tokenRequests.push(await request.text());
        return HttpResponse.json({ access_token: TOKEN, expires_in: 3600, token_type: 'Bearer' });
      }),
    );
    const fake = useVeo(server, { accessToken: TOKEN, pollsBeforeDone: 0 });
    await generateVideo({
      provider: createVeo3({
        project: PROJECT,
        location: LOCATION,
        googleAuthOptions: {
          credentials: {
            type: 'service_account',
            client_email: 'veo-test@test-project.iam.gserviceaccount.com',
            private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          },
        },
      }),
      prompt: 'waves',
      outPath: outPath(),
      ...FAST,
    });
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toContain('grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer');
    expect(fake.requests.length).toBeGreaterThan(1);
    expect(fake.requests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
