import type { SessionUser } from '@desmigratif/contracts';
import {
  IconAddressBook,
  IconBriefcase,
  IconBuildingCommunity,
  IconBuildingSkyscraper,
  IconClipboardList,
  IconFileCertificate,
  IconHistory,
  IconHome,
  IconMap2,
  IconShieldLock,
  IconMessageReport,
  IconPlaneDeparture,
  IconTarget,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { linkOptions, type LinkOptions } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { can, isVillageRole } from './auth/permissions';

export interface NavItem {
  key: 'home' | 'villages' | 'myVillage' | 'people' | 'duplicates' | 'services' | 'plans' | 'placements' | 'cases' | 'agencies' | 'jobs' | 'regions' | 'targets' | 'users' | 'audit' | 'privacy';
  icon: ReactNode;
  link: LinkOptions;
  /** Match sub-pages too (the villages list stays lit on a village's page). */
  fuzzy: boolean;
}

/** The menu for one user: only what their role can open. */
export function navItemsFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', icon: <IconHome size={20} />, link: linkOptions({ to: '/' }), fuzzy: false },
  ];
  if (isVillageRole(user.role)) {
    items.push({
      key: 'myVillage',
      icon: <IconBuildingCommunity size={20} />,
      link: linkOptions({ to: '/desa/$villageCode', params: { villageCode: user.scopeCode } }),
      fuzzy: false,
    });
  } else if (can(user.role, 'viewVillages')) {
    items.push({
      key: 'villages',
      icon: <IconBuildingCommunity size={20} />,
      link: linkOptions({ to: '/desa' }),
      fuzzy: true,
    });
  }
  if (can(user.role, 'viewPeople')) {
    // Village users are sent on to their own village's registry; the item stays lit on every page of the registry.
    items.push({
      key: 'people',
      icon: <IconAddressBook size={20} />,
      link: linkOptions({ to: '/penduduk' }),
      fuzzy: true,
    });
  }
  if (can(user.role, 'reviewDuplicates')) {
    items.push({
      key: 'duplicates',
      icon: <IconUsersGroup size={20} />,
      link: linkOptions({ to: '/duplikat' }),
      fuzzy: false,
    });
  }
  if (can(user.role, 'viewMigration')) {
    // Village users are sent on to their own village's page; the items stay lit on the pages below them.
    items.push({ key: 'services', icon: <IconClipboardList size={20} />, link: linkOptions({ to: '/layanan' }), fuzzy: true });
    items.push({ key: 'plans', icon: <IconFileCertificate size={20} />, link: linkOptions({ to: '/rencana-migrasi' }), fuzzy: true });
  }
  if (isVillageRole(user.role) && can(user.role, 'viewMigration')) {
    items.push({
      key: 'placements',
      icon: <IconPlaneDeparture size={20} />,
      link: linkOptions({ to: '/desa/$villageCode/penempatan', params: { villageCode: user.scopeCode }, search: {} }),
      fuzzy: false,
    });
  }
  if (can(user.role, 'viewMigration')) {
    items.push({ key: 'cases', icon: <IconMessageReport size={20} />, link: linkOptions({ to: '/kasus', search: {} }), fuzzy: true });
  }
  // National registries without anyone's personal data: open to every signed-in role.
  items.push({ key: 'agencies', icon: <IconBuildingSkyscraper size={20} />, link: linkOptions({ to: '/agensi' }), fuzzy: false });
  items.push({ key: 'jobs', icon: <IconBriefcase size={20} />, link: linkOptions({ to: '/lowongan' }), fuzzy: false });
  items.push({ key: 'regions', icon: <IconMap2 size={20} />, link: linkOptions({ to: '/wilayah' }), fuzzy: false });
  if (can(user.role, 'viewTargets')) {
    items.push({ key: 'targets', icon: <IconTarget size={20} />, link: linkOptions({ to: '/target' }), fuzzy: false });
  }
  if (can(user.role, 'manageUsers')) {
    items.push({ key: 'users', icon: <IconUsers size={20} />, link: linkOptions({ to: '/pengguna' }), fuzzy: false });
  }
  if (can(user.role, 'viewAudit')) {
    items.push({ key: 'audit', icon: <IconHistory size={20} />, link: linkOptions({ to: '/audit' }), fuzzy: false });
  }
  // Personal-data protection: a village's own data-subject requests, else the retention rules (and, for admins, the breach report from there).
  if (isVillageRole(user.role) && can(user.role, 'handleDataRequests')) {
    items.push({
      key: 'privacy',
      icon: <IconShieldLock size={20} />,
      link: linkOptions({ to: '/desa/$villageCode/permintaan-data', params: { villageCode: user.scopeCode }, search: {} }),
      fuzzy: false,
    });
  } else if (can(user.role, 'viewPeople')) {
    items.push({ key: 'privacy', icon: <IconShieldLock size={20} />, link: linkOptions({ to: '/pelindungan-data/retensi' }), fuzzy: true });
  }
  return items;
}
