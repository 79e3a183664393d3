import { installKeyring } from '@desmigratif/db';
import { testKeyring } from '@desmigratif/db/test-keyring';

// Every test worker reads databases cloned from the template the global setup sealed with this key.
installKeyring(testKeyring());
