import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Desmigratif API',
        version: '1',
        description:
          'API sistem Desa Migran Produktif. Semua pesan galat berbahasa Indonesia dalam bentuk ' +
          '`{ error: { code, message, details } }`. Autentikasi dengan cookie sesi; permintaan tulis ' +
          'wajib menyertakan header `x-csrf-token` dari respons login.',
      },
      tags: [
        { name: 'akses', description: 'Masuk, akun, jejak audit' },
        { name: 'wilayah', description: 'Wilayah Kemendagri' },
        { name: 'program', description: 'Desa Migran Produktif, angkatan dan target' },
        { name: 'penduduk', description: 'Registri penduduk, keluarga, status pekerja migran' },
        { name: 'layanan migrasi', description: 'Pusat layanan migrasi desa: buku layanan, rencana migrasi, dokumen, pindaian, surat, P3MI' },
        { name: 'lowongan', description: 'Informasi lowongan (job order) terverifikasi' },
        { name: 'kasus', description: 'Keberangkatan, kepulangan, dan pengaduan keluarga PMI' },
        { name: 'beranda', description: 'Beranda petugas desa dan koordinator kabupaten' },
        { name: 'publik', description: 'Halaman untuk warga tanpa login: lowongan, cek agensi, pusat layanan, cek surat' },
        { name: 'sinkronisasi', description: 'Kerja tanpa sinyal: kirim dan tarik perubahan, konflik' },
        { name: 'sistem', description: 'Kesehatan layanan' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

/** The OpenAPI document as committed in openapi.json (stable key order, trailing newline). */
export function openApiDocument(app: FastifyInstance): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}
