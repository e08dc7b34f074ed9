import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { knownRoles } from '../tokens/access-token-claims';
import type { ProfileDto } from './dto/profile.dto';

@Injectable()
export class MeService {
  constructor(private readonly accounts: AccountsService) {}

  /** Read from the database, not the token, so a role change shows at once. */
  async profile(userId: string): Promise<ProfileDto> {
    const user = await this.accounts.getById(userId);
    return { id: user.id, email: user.email, name: user.name, roles: knownRoles(user.roles), mfa: { totp: user.totpEnabled } };
  }
}
