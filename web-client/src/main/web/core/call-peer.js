// One RTCPeerConnection to one other participant, with "perfect negotiation": the participant with the higher
// user id makes the first offer and is the impolite peer; the lower id answers, and rolls back its own offer
// when both offer at once (an ICE restart from each side). Each side has exactly one audio and one video
// transceiver from the first offer on, so muting, turning the camera off and on, and changing devices only
// replace the track being sent (no renegotiation, no new permission prompt for the other side).

/** A connection "disconnected" this long (not yet "failed") gets an ICE restart anyway. */
export const DISCONNECTED_RESTART_MS = 4_000;
const KINDS = ['audio', 'video'];

export class Peer {
  /**
   * @param {{PeerConnection: any, MediaStream: any, iceServers: () => object[], polite: boolean,
   *          tracks: () => {audio: any, video: any}, signal: (type: string, fields: object) => void,
   *          onChange: () => void, onTrack?: (stream: any) => void, setTimer?: Function, clearTimer?: Function,
   *          onError?: (error: any) => void}} deps
   */
  constructor({ PeerConnection, MediaStream, iceServers, polite, tracks, signal, onChange, onTrack = () => {},
    setTimer = setTimeout, clearTimer = clearTimeout, onError = () => {} }) {
    this.polite = polite;
    this.iceServers = iceServers;
    this.tracks = tracks;
    this.signal = signal;
    this.onChange = onChange;
    this.onTrack = onTrack;
    this.onError = onError;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.closed = false;
    this.restartTimer = null;
    this.work = Promise.resolve();
    /** What arrives from the other side, one stream for their audio and video. */
    this.stream = new MediaStream();
    this.state = 'new';
    const pc = new PeerConnection({ iceServers: iceServers(), bundlePolicy: 'max-bundle' });
    this.pc = pc;
    pc.onnegotiationneeded = () => this.negotiate();
    pc.onicecandidate = ({ candidate }) => {
      if (candidate && !this.closed) {
        this.signal('rtc_ice_candidate', { candidate: JSON.stringify(candidate) });
      }
    };
    pc.ontrack = ({ track }) => {
      if (!this.stream.getTracks().includes(track)) {
        this.stream.addTrack(track);
      }
      this.onTrack(this.stream);
      this.onChange();
    };
    pc.onconnectionstatechange = () => this.connectionChanged();
    if (!polite) {
      const local = tracks();
      for (const kind of KINDS) {
        pc.addTransceiver(local[kind] ?? kind, { direction: 'sendrecv' });
      }
    }
  }

  async negotiate() {
    // The first offer comes from the impolite side; later ones (ICE restarts) from either.
    if (this.closed || (this.polite && !this.pc.remoteDescription)) {
      return;
    }
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.signal('rtc_offer', { sdp: this.pc.localDescription.sdp });
    } catch (error) {
      this.onError(error);
    } finally {
      this.makingOffer = false;
    }
  }

  /** An offer or answer from the other side. */
  description(type, sdp) {
    this.queue(async () => {
      const collision = type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) {
        return;
      }
      await this.pc.setRemoteDescription({ type, sdp });
      if (type === 'offer') {
        await this.sendOnOfferedTransceivers();
        await this.pc.setLocalDescription();
        this.signal('rtc_answer', { sdp: this.pc.localDescription.sdp });
      }
    });
  }

  candidate(json) {
    this.queue(async () => {
      try {
        await this.pc.addIceCandidate(JSON.parse(json));
      } catch (error) {
        if (!this.ignoreOffer) {
          throw error;
        }
      }
    });
  }

  /** Sends `track` (or nothing, with null) as this side's audio or video from now on. */
  async setTrack(kind, track) {
    const transceiver = this.transceiver(kind);
    if (transceiver) {
      await transceiver.sender.replaceTrack(track);
    }
  }

  /** The answering side sends on the transceivers the offer created, with the tracks it has now. */
  async sendOnOfferedTransceivers() {
    const local = this.tracks();
    for (const kind of KINDS) {
      const transceiver = this.transceiver(kind);
      if (transceiver && transceiver.direction !== 'sendrecv' && transceiver.direction !== 'stopped') {
        transceiver.direction = 'sendrecv';
        await transceiver.sender.replaceTrack(local[kind] ?? null);
      }
    }
  }

  transceiver(kind) {
    return this.pc.getTransceivers().find((candidate) => (candidate.receiver.track?.kind ?? candidate.kind) === kind
      && candidate.direction !== 'stopped') ?? null;
  }

  connectionChanged() {
    this.state = this.pc.connectionState;
    this.clearRestart();
    if (this.state === 'failed') {
      this.restart();
    } else if (this.state === 'disconnected') {
      this.restartTimer = this.setTimer(() => {
        this.restartTimer = null;
        if (this.pc.connectionState === 'disconnected') {
          this.restart();
        }
      }, DISCONNECTED_RESTART_MS);
    }
    this.onChange();
  }

  /** A new ICE round on the same connection, through TURN with the freshest credentials when there is one. */
  restart() {
    if (this.closed) {
      return;
    }
    const iceServers = this.iceServers();
    const configuration = this.pc.getConfiguration();
    if (JSON.stringify(configuration.iceServers ?? []) !== JSON.stringify(iceServers)) {
      this.pc.setConfiguration({ ...configuration, iceServers });
    }
    this.pc.restartIce();
  }

  clearRestart() {
    if (this.restartTimer !== null) {
      this.clearTimer(this.restartTimer);
      this.restartTimer = null;
    }
  }

  close() {
    this.closed = true;
    this.clearRestart();
    this.pc.close();
    for (const track of this.stream.getTracks()) {
      track.stop();
    }
  }

  queue(step) {
    this.work = this.work.then(() => (this.closed ? undefined : step())).catch((error) => this.onError(error));
  }
}
