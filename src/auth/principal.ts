/** Who is asking for links: an integration, a user, or an integration acting for a user. */
export interface Principal {
  integration?: { id: string; tokenId: string };
  /** When set, only cameras granted to this user are visible. */
  user?: { id: string; tokenId: string };
}
