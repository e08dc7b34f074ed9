// The package ships no types. It exports one function: true when the password is on Mozilla's list.
declare module 'fxa-common-password-list' {
  export function test(password: string): boolean;
}
