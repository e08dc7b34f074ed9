import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { AccountsService } from './accounts.service';
import type { AccountDto } from './dto/account.dto';
import { RegisterDto } from './dto/register.dto';

@Controller('auth')
@AllowedClients('gateway')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('register')
  @HttpCode(HttpStatus.CREATED)
  register(@Body() body: RegisterDto): Promise<AccountDto> {
    return this.accounts.register(body);
  }
}
