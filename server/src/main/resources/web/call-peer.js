// One RTCPeerConnection to one other participant, with "perfect negotiation": the participant with the
// higher user id makes the offer and is the impolite peer; the lower id answers, and on a collision it
// rolls back its own offer. Work on one connection runs in order (a candidate can arrive while the offer
// is still being applied).

export class Peer {
  constructor({ myId, remoteId, iceServers, localStream, signal, onTrack, onState }) {
    this.remoteId = remoteId;
    this.polite = myId < remoteId;
    this.localStream = localStream;
    this.signal = signal;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.tracksAdded = false;
    this.work = Promise.resolve();
    this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle' });
    this.pc.onnegotiationneeded = () => this.negotiate();
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) {
        this.signal('rtc_ice_candidate', { candidate: JSON.stringify(candidate) });
      }
    };
    this.pc.ontrack = ({ track, streams }) => onTrack(streams[0] || new MediaStream([track]));
    this.pc.onconnectionstatechange = () => onState(this.pc.connectionState);
    if (!this.polite) {
      this.addTracks();
    }
  }

  addTracks() {
    if (this.tracksAdded) {
      return;
    }
    this.tracksAdded = true;
    for (const track of this.localStream.getTracks()) {
      this.pc.addTrack(track, this.localStream);
    }
  }

  async negotiate() {
    // The lower id waits for the first offer; later renegotiations may start from either side.
    if (this.polite && !this.pc.remoteDescription) {
      return;
    }
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.signal('rtc_offer', { sdp: this.pc.localDescription.sdp });
    } finally {
      this.makingOffer = false;
    }
  }

  description(type, sdp) {
    this.queue(async () => {
      const collision = type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) {
        return;
      }
      await this.pc.setRemoteDescription({ type, sdp });
      if (type === 'offer') {
        this.addTracks();
        await this.pc.setLocalDescription();
        this.signal('rtc_answer', { sdp: this.pc.localDescription.sdp });
      }
    });
  }

  candidate(json) {
    this.queue(async () => {
      try {
        await this.pc.addIceCandidate(JSON.parse(json));
      } catch (e) {
        if (!this.ignoreOffer) {
          throw e;
        }
      }
    });
  }

  /** Bytes of RTP received so far, over all inbound streams (from getStats). */
  async bytesReceived() {
    let total = 0;
    (await this.pc.getStats()).forEach((report) => {
      if (report.type === 'inbound-rtp') {
        total += report.bytesReceived || 0;
      }
    });
    return total;
  }

  close() {
    this.pc.close();
  }

  queue(step) {
    this.work = this.work.then(step).catch((e) => console.warn('peer ' + this.remoteId + ':', e));
  }
}
