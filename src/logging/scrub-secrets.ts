/**
 * Credentials inside text, wherever it is logged (a URL in a message or an error): query
 * parameters named like a secret, bearer values, and anything shaped like a camlinks token
 * (cli_, clu_, cll_, cla_ and 43 characters). The last line of defence: what is logged at all is an
 * allow-list (access-log.ts).
 */
const SECRET_IN_TEXT =
  /([?&;#][\w.-]*(?:token|secret|password|key)[\w.-]*=)[^&#\s"\\]+|(Bearer\s+)[^\s"\\]+|(cl[ilua]_)[\w-]{43}/gi;

export function scrubSecrets(text: string): string {
  return text.replace(
    SECRET_IN_TEXT,
    (_, parameter?: string, bearer?: string, prefix?: string) => `${parameter ?? bearer ?? prefix}[redacted]`,
  );
}
