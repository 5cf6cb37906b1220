// The user's own side of a call: the microphone and camera tracks being sent, muted or not, the camera's
// preview, the devices to choose from and the ones chosen (remembered for the next call). Every track that
// changes goes to `onTrack`, which hands it to each peer connection. No DOM.

import { listDevices, openCamera, openMicrophone } from './call-media.js';

const DEVICES_KEY = 'chatalot.call.devices';
const NO_CHOICE = { audioinput: null, videoinput: null, audiooutput: null };

/**
 * @param {{media: any, MediaStream: any, levels: any, storage?: Storage|null,
 *          onTrack: (kind: 'audio'|'video', track: any) => void}} deps
 */
export function createLocalMedia({ media, MediaStream, levels, storage = null, onTrack }) {
  const local = {
    muted: false,
    camera: false,
    /** The tracks being sent (null when there is none, or the camera is off). */
    audioTrack: null,
    videoTrack: null,
    /** What the user sees of themselves: their camera, when it is on. */
    preview: null,
    devices: { audioinput: [], videoinput: [], audiooutput: [] },
    chosen: readChoices(storage),
  };

  function useMicrophone(track) {
    const old = local.audioTrack;
    local.audioTrack = track;
    track.enabled = !local.muted;
    onTrack('audio', track);
    old?.stop();
    levels.watch('me', new MediaStream([track]));
  }

  function useCamera(track) {
    const old = local.videoTrack;
    local.videoTrack = track;
    local.camera = true;
    local.preview = new MediaStream([track]);
    onTrack('video', track);
    old?.stop();
  }

  return {
    state: local,

    /** Opens the chosen microphone (throws what getUserMedia threw) and sends it, muted or not. */
    async openMicrophone() {
      useMicrophone(await openMicrophone(media, local.chosen.audioinput));
    },

    setMuted(muted) {
      local.muted = muted;
      if (local.audioTrack) {
        local.audioTrack.enabled = !muted;
      }
    },

    /** Turns the camera on (throws what getUserMedia threw); `stillWanted` says whether to keep it. */
    async cameraOn(stillWanted = () => true) {
      const track = await openCamera(media, local.chosen.videoinput);
      if (stillWanted()) {
        useCamera(track);
      } else {
        track.stop();
      }
    },

    cameraOff() {
      local.videoTrack?.stop();
      local.videoTrack = null;
      local.preview = null;
      local.camera = false;
      onTrack('video', null);
    },

    /** A device chosen from the lists: remembered, and used at once when that kind is in use. */
    async choose(kind, deviceId) {
      local.chosen = { ...local.chosen, [kind]: deviceId || null };
      storage?.setItem(DEVICES_KEY, JSON.stringify(local.chosen));
      if (kind === 'audioinput' && local.audioTrack) {
        useMicrophone(await openMicrophone(media, deviceId));
      } else if (kind === 'videoinput' && local.camera) {
        useCamera(await openCamera(media, deviceId));
      }
    },

    async refreshDevices() {
      if (media?.enumerateDevices) {
        local.devices = await listDevices(media);
      }
    },

    /** Releases the microphone and camera (their lights go off). */
    stop() {
      local.audioTrack?.stop();
      local.videoTrack?.stop();
      local.audioTrack = null;
      local.videoTrack = null;
      local.preview = null;
      local.camera = false;
      levels.forget('me');
    },
  };
}

function readChoices(storage) {
  try {
    return { ...NO_CHOICE, ...JSON.parse(storage?.getItem(DEVICES_KEY) ?? '{}') };
  } catch {
    return { ...NO_CHOICE };
  }
}
