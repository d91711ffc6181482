#!/bin/bash
# zknet: network of z/VM guest LINUX2, generated from vmlinux.zknet (zvm VMLINUX.LINUX2). Do not edit: change the model.
# Run as root inside LINUX2, once its directory entry has the statements of
# DIRECTORY-NETWORK.txt (two folders up): --check, --try [SECS], --confirm, --verify and
# --teardown as for a host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host LINUX2
# virtual CTCs (ctcm): read:write subchannels, protocol 1 (a Linux peer), buffer = MTU + 8; chzdev -e
# keeps them at boot, udev/70-zknet.rules names them
zknet_ctc 0.0.0600 0.0.0600:0.0.0601 ctc1500 protocol=1 buffer=1508
zknet_ctc 0.0.0602 0.0.0602:0.0.0603 ctc9000 protocol=1 buffer=9008
zknet_ctc 0.0.0604 0.0.0604:0.0.0605 ctc32764 protocol=1 buffer=32772
# netiucv connections to PEER.DATA, the link's name as IUCV user data so that several links to one
# peer stay apart (netiucv.c). netiucv is gone from Linux 6.17 (facts §6.1); no distribution
# recreates a connection at boot: run this script at boot on the kernels that still have it
zknet_iucv LINUX1.IUCV1500 iucv1500 1500
zknet_iucv LINUX1.IUCV9000 iucv9000 9000
zknet_iucv LINUX1.IUCV32764 iucv32764 32764
# iucv1500: netiucv connection to LINUX1, 7.84 MB/s at MTU 1500 (measured, seed 003 on a 9672-XZ7 with Linux 2.2.16)
zknet_link iucv1500 1500 -
zknet_addr iucv1500 192.168.15.2/32
# iucv9000: netiucv connection to LINUX1, 33.33 MB/s at MTU 9000 (measured, seed 003 on a 9672-XZ7 with Linux 2.2.16)
zknet_link iucv9000 9000 -
zknet_addr iucv9000 192.168.90.2/32
# iucv32764: netiucv connection to LINUX1, 73.09 MB/s at MTU 32764 (measured, seed 003 on a 9672-XZ7 with Linux 2.2.16)
zknet_link iucv32764 32764 -
zknet_addr iucv32764 192.168.32.2/32
# ctc1500: virtual CTC to LINUX1, 5.95 MB/s at MTU 1500 (measured, seed 003 on a 9672-XZ7 with Linux 2.2.16)
zknet_link ctc1500 1500 -
zknet_addr ctc1500 192.168.115.2/32
# ctc9000: virtual CTC to LINUX1, 17.33 MB/s at MTU 9000 (measured, seed 003 on a 9672-XZ7 with Linux 2.2.16)
zknet_link ctc9000 9000 -
zknet_addr ctc9000 192.168.190.2/32
# ctc32764: virtual CTC to LINUX1, 29.71 MB/s at MTU 32764 (measured, seed 003 on a 9672-XZ7 with Linux 2.2.16)
zknet_link ctc32764 32764 -
zknet_addr ctc32764 192.168.132.2/32
zknet_route 192.168.15.1/32 dev iucv1500
zknet_route 192.168.90.1/32 dev iucv9000
zknet_route 192.168.32.1/32 dev iucv32764
zknet_route 192.168.115.1/32 dev ctc1500
zknet_route 192.168.190.1/32 dev ctc9000
zknet_route 192.168.132.1/32 dev ctc32764

zknet_main "$@"
