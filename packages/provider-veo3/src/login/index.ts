export {
  type GoogleLoginOptions,
  type GoogleLoginResult,
  type GoogleLogoutResult,
  loginWithGoogle,
  logoutFromGoogle,
} from './google-login.js';
export type { GoogleOAuthClient, GoogleOAuthEndpoints, GoogleOAuthOptions } from './google-oauth-settings.js';
export { googleLoginFile } from './google-token-file.js';
export { type Veo3CredentialChoice, veo3CredentialChoice } from './veo3-credential.js';
