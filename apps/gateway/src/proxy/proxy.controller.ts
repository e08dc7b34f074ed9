import { All, Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { clientIp } from '../edge/client-ip';
import { ProxyService } from './proxy.service';

/** Every /api request lands here; the route table decides where (if anywhere) it goes. */
@Controller()
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  @All(['api', 'api/*path'])
  async forward(@Req() req: Request, @Res() res: Response): Promise<void> {
    const answer = await this.proxy.forward({
      method: req.method,
      url: req.originalUrl,
      headers: req.headers,
      body: req.body as unknown,
      clientIp: clientIp(req),
    });
    res.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) res.setHeader(name, value);
    const bodyless = req.method === 'HEAD' || answer.status === 204 || answer.status === 304;
    if (!bodyless) res.setHeader('content-length', answer.body.length);
    res.end(bodyless ? undefined : answer.body);
  }
}
