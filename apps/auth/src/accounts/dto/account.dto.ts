/** What registration returns: never the hash, never the roles. */
export interface AccountDto {
  id: string;
  email: string;
  name: string;
}
