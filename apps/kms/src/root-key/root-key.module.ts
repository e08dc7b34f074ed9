import { Module } from '@nestjs/common';
import { RootKeyring } from './root-keyring';

@Module({ providers: [RootKeyring], exports: [RootKeyring] })
export class RootKeyModule {}
